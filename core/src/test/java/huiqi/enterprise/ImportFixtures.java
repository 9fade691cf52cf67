package huiqi.enterprise;

import huiqi.facts.FactValue;
import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Shared helpers for import tests: the real catalog, valid codes, files in a given encoding, a store dump. */
final class ImportFixtures {
    static final IndicatorCatalog CATALOG = load();
    static final String A = Uscc.generate(new SplittableRandom(1), "350102");
    static final String B = Uscc.generate(new SplittableRandom(2), "350521");
    static final String C = Uscc.generate(new SplittableRandom(3), "350104");

    private ImportFixtures() {
    }

    private static IndicatorCatalog load() {
        try {
            return IndicatorCatalog.load(IndicatorCatalog.locate(Path.of("")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text, Charset cs, boolean bom) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(cs));
        }
        return f;
    }

    /** Writes CSV text as an .xlsx sheet, every cell as a text cell (commas split cells; no quoting needed). */
    static Path xlsx(Path dir, String name, String csvText) throws IOException {
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            XSSFSheet sheet = wb.createSheet("数据");
            List<String> lines = csvText.lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
        }
        return f;
    }

    /** Everything a store holds, as text, so that "nothing changed" and "same import" can be compared. */
    static String dump(EnterpriseStore store) {
        StringBuilder sb = new StringBuilder();
        for (String u : store.usccs()) {
            EnterpriseRecord r = store.record(u).orElseThrow();
            sb.append(r.profile()).append('\n');
            for (String field : List.of("name", "region_code", "industry_code", "size")) {
                sb.append("  ").append(field).append(" ← ").append(store.provenance(u, field).orElse(null)).append('\n');
            }
            r.profile().attributes().keySet().forEach(a ->
                    sb.append("  ").append(a).append(" ← ").append(store.provenance(u, a).orElse(null)).append('\n'));
            for (String ind : r.facts().indicators()) {
                for (FactValue v : r.facts().all(ind)) {
                    sb.append("  ").append(v).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
