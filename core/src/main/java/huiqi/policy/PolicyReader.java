package huiqi.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Reads a policy document file into plain text: .txt in UTF-8 (with or without BOM), UTF-16 (with BOM) or
 * GBK/GB18030 (detected: strict UTF-8 first, GB18030 otherwise); .docx (Apache POI); .pdf with a text layer
 * (PDFBox). The format is recognised by content (%PDF, ZIP) before the file name.
 */
public final class PolicyReader {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private PolicyReader() {
    }

    public static String read(Path file) throws PolicyReadException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new PolicyReadException("这是一个目录，不是文件: " + file);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PolicyReadException("文件不存在: " + file);
        } catch (IOException e) {
            throw new PolicyReadException("无法读取文件 " + file + ": " + e.getMessage(), e);
        }
        return read(bytes, file.getFileName() == null ? "" : file.getFileName().toString());
    }

    /** Text of a document given as bytes; {@code fileName} only helps to name the format in messages. */
    public static String read(byte[] bytes, String fileName) throws PolicyReadException {
        if (bytes.length == 0) {
            throw new PolicyReadException("文件为空: " + fileName);
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        String text;
        boolean pdf = startsWith(bytes, "%PDF");
        if (pdf) {
            text = readPdf(bytes, fileName);
        } else if (startsWith(bytes, "PK\u0003\u0004")) {
            text = readDocx(bytes, fileName);
        } else if (lower.endsWith(".pdf") || lower.endsWith(".docx")) {
            throw new PolicyReadException("文件内容不是有效的 " + lower.substring(lower.lastIndexOf('.'))
                    + " 格式: " + fileName);
        } else if (lower.endsWith(".doc") && startsWith(bytes, "\u00D0\u00CF\u0011\u00E0")) {
            throw new PolicyReadException("不支持旧版 Word .doc 格式，请另存为 .docx 或 .txt: " + fileName);
        } else {
            text = decodeText(bytes, fileName);
        }
        if (text.isBlank()) {
            throw new PolicyReadException("文件中没有文字" + (pdf ? "（可能是扫描件，没有文字层）" : "")
                    + ": " + fileName);
        }
        return text;
    }

    /** Decodes text bytes: BOM first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312). */
    static String decodeText(byte[] bytes, String fileName) throws PolicyReadException {
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictDecode(bytes, StandardCharsets.UTF_8);
            if (text == null) {
                text = strictDecode(bytes, GB18030);
            }
            if (text == null) {
                throw new PolicyReadException("无法识别文件编码（既不是 UTF-8 也不是 GBK），可能不是文本文件: " + fileName);
            }
        }
        if (looksBinary(text)) {
            throw new PolicyReadException("文件不是文本（含有大量控制字符），请提供 .txt、.docx 或带文字层的 .pdf: " + fileName);
        }
        return text;
    }

    private static String strictDecode(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** NUL bytes or more than 5% control characters (other than line breaks and tabs) mean "not a text file". */
    static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control > text.length() / 20;
    }

    private static String readDocx(byte[] bytes, String fileName) throws PolicyReadException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            throw new PolicyReadException("无法读取 .docx 文件（文件损坏或不是 Word 文档）: " + fileName, e);
        }
    }

    private static String readPdf(byte[] bytes, String fileName) throws PolicyReadException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new PolicyReadException("PDF 已加密，不允许提取文字: " + fileName);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (IOException | RuntimeException e) {
            throw new PolicyReadException("无法读取 PDF 文件（文件损坏或格式不受支持）: " + fileName, e);
        }
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((bytes[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
