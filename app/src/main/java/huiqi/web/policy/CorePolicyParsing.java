package huiqi.web.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Until the core policy parser lands this only reads UTF-8 text and takes the first line as the title;
 * measures stay empty and a warning says so.
 */
@Component
class CorePolicyParsing implements PolicyParsing {

    @Override
    public DocumentDraft parse(String id, String fileName, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new UnreadableDocumentException("文件为空，未能读取任何文字");
        }
        String title = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(id);
        return new DocumentDraft(id, null, null, title, null, null, null, null, null, List.of(), List.of(),
                List.of("解析器尚未接入：仅保存了原文"), text);
    }
}
