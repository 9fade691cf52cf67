package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.fulfilment.ActorRole;
import huiqi.web.security.HuiqiUser;

/** The signed-in user as the state machine sees it. */
final class Actors {
    private Actors() {
    }

    static Actor of(HuiqiUser user) {
        ActorRole role = switch (user.getRole()) {
            case ADMIN -> ActorRole.ADMIN;
            case OFFICER -> ActorRole.OFFICER;
            case FINANCE -> ActorRole.FINANCE;
            case ENTERPRISE -> ActorRole.ENTERPRISE;
            // 督查室 only reads; as an officer bound to no unit the state machine lets it act on nothing.
            case SUPERVISOR, REVIEWER -> ActorRole.OFFICER;
        };
        String unit = user.getRole() == huiqi.web.security.Role.SUPERVISOR
                || user.getRole() == huiqi.web.security.Role.REVIEWER ? null : user.getUnit();
        return new Actor(user.getUsername(), role, unit, user.getUscc(), unit == null ? null : user.getUnitId());
    }
}
