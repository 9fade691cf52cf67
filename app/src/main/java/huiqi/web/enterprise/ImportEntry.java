package huiqi.web.enterprise;

import java.time.OffsetDateTime;

/** One upload in the import history: accepted (a batch that can be undone), rejected (with its problems) or undone. */
public record ImportEntry(long id, String fileName, int rows, int problems, String status, String importedBy,
                          OffsetDateTime importedAt, String undoneBy, OffsetDateTime undoneAt, boolean versioned) {
    public static final String ACCEPTED = "已导入";
    public static final String REJECTED = "已拒绝";
    public static final String UNDONE = "已撤销";

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }

    public boolean rejected() {
        return REJECTED.equals(status);
    }

    public boolean undone() {
        return UNDONE.equals(status);
    }

    /** "第 12 号导入（企业数据.csv，2026-12-06 20:15）": how blockers and the audit log name an import. */
    public String label() {
        return "第 " + id + " 号导入（" + fileName + "，" + importedBy + " "
                + importedAt.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime()
                        .toString().replace('T', ' ').substring(0, 16) + "）";
    }
}
