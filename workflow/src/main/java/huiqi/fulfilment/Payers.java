package huiqi.fulfilment;

/** The department behind a payer: "市级·市财政局" → 市财政局. It handles the case and its 财政经办 pays it. */
public final class Payers {
    private Payers() {
    }

    public static String unit(String payer) {
        if (payer == null) {
            return null;
        }
        int dot = payer.lastIndexOf('·');
        return dot >= 0 ? payer.substring(dot + 1) : payer;
    }
}
