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
            case ENTERPRISE -> ActorRole.ENTERPRISE;
        };
        return new Actor(user.getUsername(), role, user.getUnit(), user.getUscc());
    }
}
