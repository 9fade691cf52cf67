package huiqi.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords cost something, for form login and HTTP Basic alike (both go through the same authentication
 * manager, whose events this listens to). Per account: {@code huiqi.login.max-failures} wrong passwords in a row
 * lock it for {@code huiqi.login.lock-minutes} (kept in the database, audited, unlocked by a 管理员 or by time).
 * Per address: {@code huiqi.login.address-max-failures} failures within the lock period block every sign-in
 * attempt from that address until the period has passed ({@link LoginThrottleFilter}).
 */
@Component
public class LoginThrottle {
    private final UserAccounts accounts;
    private final AccountAudit audit;
    private final int maxFailures;
    private final Duration lockFor;
    private final int addressMaxFailures;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(UserAccounts accounts, AccountAudit audit,
                         @Value("${huiqi.login.max-failures:5}") int maxFailures,
                         @Value("${huiqi.login.lock-minutes:15}") int lockMinutes,
                         @Value("${huiqi.login.address-max-failures:30}") int addressMaxFailures) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.addressMaxFailures = addressMaxFailures;
        this.clock = Clock.systemUTC();
    }

    private record Window(Instant start, int failures) {
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String address = address(event.getAuthentication().getDetails());
        if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null && !username.isBlank()
                && accounts.recordFailure(username, maxFailures, lockFor)) {
            audit.record(AccountAudit.SYSTEM, "SYSTEM", "登录锁定", username,
                    "连续 " + maxFailures + " 次密码错误，锁定 " + lockFor.toMinutes() + " 分钟"
                            + (address == null ? "" : "（来自 " + address + "）"));
        }
        if (address != null) {
            Instant now = clock.instant();
            Window w = byAddress.compute(address, (a, old) -> old == null || expired(old, now)
                    ? new Window(now, 1) : new Window(old.start(), old.failures() + 1));
            if (w.failures() == addressMaxFailures) {
                audit.record(AccountAudit.SYSTEM, "SYSTEM", "地址封禁", username,
                        "来自 " + address + " 的登录失败达 " + addressMaxFailures + " 次，" + lockFor.toMinutes()
                                + " 分钟内拒绝该地址登录");
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName());
    }

    /** Whether sign-in attempts from this address are refused now. */
    public boolean blocked(String address) {
        Window w = byAddress.get(address);
        if (w == null) {
            return false;
        }
        if (expired(w, clock.instant())) {
            byAddress.remove(address, w);
            return false;
        }
        return w.failures() >= addressMaxFailures;
    }

    /** Lifts an address block (管理员 unlock; tests). */
    public void release(String address) {
        byAddress.remove(address);
    }

    public Duration lockPeriod() {
        return lockFor;
    }

    private boolean expired(Window w, Instant now) {
        return w.start().plus(lockFor).isBefore(now);
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
