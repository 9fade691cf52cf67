package huiqi.web.fulfilment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fulfilment services are plain classes (a crash test drives them from a bare JVM without Spring);
 * here they are wired as beans.
 */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfig {

    @Bean
    AuditLog auditLog(JdbcClient jdbc) {
        return new AuditLog(jdbc);
    }

    @Bean
    CaseRepository caseRepository(JdbcClient jdbc) {
        return new CaseRepository(jdbc);
    }

    @Bean
    Payments payments(JdbcClient jdbc) {
        return new Payments(jdbc);
    }

    @Bean
    CaseWorkflow caseWorkflow(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, Payments payments, AuditLog audit) {
        return new CaseWorkflow(jdbc, tx, cases, payments, audit);
    }

    @Bean
    MatchSync matchSync(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit,
                        FulfilmentUnits units) {
        return new MatchSync(jdbc, tx, cases, audit, units::bindCases);
    }

    @Bean
    Applications applications(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit) {
        return new Applications(jdbc, tx, cases, audit);
    }

    @Bean
    Limits limits(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        return new Limits(jdbc, tx, audit);
    }
}
