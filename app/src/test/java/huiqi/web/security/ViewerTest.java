package huiqi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The role flags the layout reads mean what the sec:authorize expressions they replaced meant, for every role. */
class ViewerTest {

    static boolean hasAnyRole(Role role, String... names) {
        Set<String> granted = Set.of(role.authority());
        return List.of(names).stream().map(n -> "ROLE_" + n).anyMatch(granted::contains);
    }

    @Test
    void everyFlagEqualsTheRoleCheckItReplaces() {
        for (Role role : Role.values()) {
            HuiqiUser user = new HuiqiUser("u-" + role, "x", true, role, "名字", null,
                    role == Role.ENTERPRISE ? "91350100MA2XXXXX0X" : null);
            Viewer v = Viewer.of(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            assertThat(v.authenticated()).isTrue();
            assertThat(v.officer()).as(role + " officer").isEqualTo(hasAnyRole(role, "ADMIN", "OFFICER"));
            assertThat(v.admin()).as(role + " admin").isEqualTo(hasAnyRole(role, "ADMIN"));
            assertThat(v.enterprise()).as(role + " enterprise").isEqualTo(hasAnyRole(role, "ENTERPRISE"));
            assertThat(v.reviewer()).as(role + " reviewer").isEqualTo(hasAnyRole(role, "REVIEWER"));
            assertThat(v.seesRuleReview()).as(role.name()).isEqualTo(hasAnyRole(role, "ADMIN", "OFFICER", "REVIEWER"));
            assertThat(v.seesFulfilment()).as(role.name()).isEqualTo(hasAnyRole(role, "ADMIN", "OFFICER", "FINANCE"));
            assertThat(v.seesSupervision()).as(role.name()).isEqualTo(hasAnyRole(role, "ADMIN", "OFFICER", "SUPERVISOR"));
            assertThat(v.seesSupervisionDashboard()).as(role.name()).isEqualTo(hasAnyRole(role, "ADMIN", "SUPERVISOR"));
            assertThat(v.roleLabel()).isEqualTo(role.label());
            assertThat(v.displayName()).isEqualTo("名字");
            assertThat(v.uscc()).isEqualTo(user.getUscc());
        }
    }

    @Test
    void nobodySignedInSeesNothing() {
        Viewer anonymous = Viewer.of(new AnonymousAuthenticationToken("k", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertThat(anonymous.authenticated()).isFalse();
        assertThat(Viewer.of(null)).isEqualTo(anonymous);
        assertThat(List.of(anonymous.officer(), anonymous.admin(), anonymous.enterprise(), anonymous.reviewer(),
                anonymous.seesFulfilment(), anonymous.seesRuleReview(), anonymous.seesSupervision(),
                anonymous.seesSupervisionDashboard()).stream().collect(Collectors.toSet())).containsExactly(false);
    }
}
