package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitMatchTest {

    @Test
    void unitsCompareByDirectoryIdWhenBothAreBoundByNameOtherwise() {
        List<String> gulou = List.of("350102/人社局");
        assertThat(UnitMatch.same("区人社局", "350102/人社局", "区人社局", gulou)).isTrue();
        assertThat(UnitMatch.same("区人社局", "350104/人社局", "区人社局", gulou)).as("same name, another district").isFalse();
        assertThat(UnitMatch.same("福州市鼓楼区人力资源和社会保障局", "350102/人社局", "就业补助资金（区人社局）", gulou)).isTrue();
        assertThat(UnitMatch.same("区人社局", null, "区人社局", gulou)).as("an account not bound: by name").isTrue();
        assertThat(UnitMatch.same("区人社局", "350102/人社局", "区人社局", List.of())).as("a case not bound: by name").isTrue();
        assertThat(UnitMatch.same(null, null, "区人社局", List.of())).isFalse();
        assertThat(UnitMatch.same("市财政局", "350100/财政局", "市财政局、市工信局", List.of("350100/财政局", "350100/工信局")))
                .as("one of a shared payer's units").isTrue();
    }

    @Test
    void theStateMachineRefusesAnotherDistrictsOfficerWithTheSameSpelling() {
        CaseRef c = new CaseRef(CaseState.UNIT_REVIEW, "91350100MA00000001", "区人社局", "区人社局", null,
                List.of("350102/人社局"), List.of("350102/人社局"));
        Actor own = new Actor("gl", ActorRole.OFFICER, "区人社局", null, "350102/人社局");
        Actor other = new Actor("cs", ActorRole.OFFICER, "区人社局", null, "350104/人社局");
        assertThat(CaseStateMachine.available(c, own)).contains(CaseAction.APPROVE);
        assertThat(CaseStateMachine.available(c, other)).doesNotContain(CaseAction.APPROVE);
    }
}
