package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLibraryTest {

    @Test
    void listsAndParsesTheSeeds() throws Exception {
        PolicyLibrary lib = PolicyLibrary.locate();
        assertThat(lib.ids()).contains("fz-2024-2", "gl-2023-1", "qt-2024-3");
        assertThat(lib.load("fz-2024-2").measures()).hasSize(27);
        assertThat(lib.load("fz-2024-2")).isSameAs(lib.load("fz-2024-2"));
        assertThat(lib.idOf("鼓政办规〔2023〕1 号")).contains("gl-2023-1");
        assertThat(lib.idOf("泉台管办发明电[2024]3号")).contains("qt-2024-3");
        assertThat(lib.idOf("闽政〔2099〕1号")).isEmpty();
    }

    @Test
    void unknownIdsAndFoldersWithoutSourceAreRejected(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty-folder"));
        Files.createDirectories(dir.resolve("x-1"));
        Files.writeString(dir.resolve("x-1/source.txt"), "某某市人民政府关于印发若干措施的通知\n1. 支持企业。（责任单位：市工信局）\n");
        PolicyLibrary lib = new PolicyLibrary(dir);
        assertThat(lib.ids()).containsExactly("x-1");
        assertThat(lib.load("x-1").measures()).hasSize(1);
        assertThatThrownBy(() -> lib.load("../x-1")).isInstanceOf(PolicyReadException.class);
        assertThatThrownBy(() -> lib.load("nope")).hasMessageContaining("政策库中没有文件");
        assertThat(new PolicyLibrary(dir.resolve("missing")).ids()).isEmpty();
    }
}
