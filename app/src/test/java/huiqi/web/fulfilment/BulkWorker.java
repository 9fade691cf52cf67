package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A separate JVM doing a bulk approval or bulk payment with the platform's own workflow classes, slowed
 * down (a pause inside every payment transaction, after the ledger row is written and before the commit)
 * so that the crash test can kill it with SIGKILL in the middle.
 * Arguments: jdbcUrl action batchId unit pauseMillis id,id,…; the database login comes from the environment
 * ({@link #USER}, {@link #PASSWORD}).
 */
public final class BulkWorker {
    static final String USER = "HUIQI_WORKER_DB_USER";
    static final String PASSWORD = "HUIQI_WORKER_DB_PASSWORD";

    private BulkWorker() {
    }

    public static void main(String[] args) {
        String url = args[0];
        CaseAction action = CaseAction.parse(args[1]);
        String batch = args[2];
        String unit = args[3];
        long pause = Long.parseLong(args[4]);
        List<Long> ids = Arrays.stream(args[5].split(",")).map(Long::valueOf).toList();
        DriverManagerDataSource ds = new DriverManagerDataSource(url, System.getenv(USER), System.getenv(PASSWORD));
        JdbcClient jdbc = JdbcClient.create(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        AuditLog audit = new AuditLog(jdbc);
        CaseRepository cases = new CaseRepository(jdbc);
        Payments payments = new Payments(jdbc) {
            @Override
            public void pay(CaseRecord c, Actor actor, String batchId) {
                super.pay(c, actor, batchId);
                sleep(pause);
            }
        };
        CaseWorkflow workflow = new CaseWorkflow(jdbc, tx, cases, payments, audit);
        // the accounts CrashRecoveryTest created: one approves, another pays
        Actor actor = action == CaseAction.PAY ? Actor.finance(payerOf(batch), unit) : Actor.officer(approverOf(batch), unit);
        for (long id : ids) {
            var out = workflow.bulk(List.of(id), actor, action, ActionInput.none(), action == CaseAction.PAY ? batch : null);
            System.out.println(out.get(0));
            if (action != CaseAction.PAY) {
                sleep(pause);
            }
        }
        System.out.println("完成");
    }

    static String approverOf(String batch) {
        return "approver-" + batch;
    }

    static String payerOf(String batch) {
        return "payer-" + batch;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
