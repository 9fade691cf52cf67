package huiqi.web.fulfilment;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The ledger filter as query parameters (page and API). */
record LedgerParams(String payer, String rule, String uscc, String batch, String period, String kind, String unit,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LedgerQueries.Filter filter() {
        return new LedgerQueries.Filter(payer, rule, uscc, batch, period, kind, unit, from, to);
    }
}
