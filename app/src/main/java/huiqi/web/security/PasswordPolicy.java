package huiqi.web.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/** What a password chosen on the platform must be, and the generator for passwords it hands out. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private PasswordPolicy() {
    }

    /** The reason a new password is refused, in Chinese, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 位");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("密码过长（最多 " + MAX_BYTES + " 个字节）");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("密码不能与用户名相同");
        }
        if (password.equals(DemoAccounts.PASSWORD)) {
            return Optional.of("不能使用演示口令");
        }
        if (password.chars().allMatch(c -> c == password.charAt(0))) {
            return Optional.of("密码不能由同一个字符组成");
        }
        return Optional.empty();
    }

    public static String generate(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
