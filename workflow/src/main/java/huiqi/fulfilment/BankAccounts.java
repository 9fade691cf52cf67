package huiqi.fulfilment;

/** Receiving bank accounts: 8 to 30 digits, spaces allowed for readability and removed. */
public final class BankAccounts {
    private BankAccounts() {
    }

    public static boolean valid(String account) {
        return account != null && normalize(account).matches("\\d{8,30}");
    }

    public static String normalize(String account) {
        return account == null ? null : account.replaceAll("[\\s-]", "");
    }

    /** For lists and exports: only the last four digits. */
    public static String masked(String account) {
        if (account == null) {
            return "";
        }
        String n = normalize(account);
        return n.length() <= 4 ? n : "****" + n.substring(n.length() - 4);
    }
}
