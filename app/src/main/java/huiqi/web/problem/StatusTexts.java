package huiqi.web.problem;

import java.util.regex.Pattern;

/** The Chinese title and default sentence for an HTTP error status (Spring's own are English reason phrases). */
public final class StatusTexts {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private StatusTexts() {
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方式";
            case 406 -> "无法提供所要求的格式";
            case 409 -> "与当前状态冲突";
            case 413 -> "请求过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "数据校验未通过";
            default -> status >= 500 ? "服务器内部错误" : "请求未能处理";
        };
    }

    public static String detail(int status) {
        return switch (status) {
            case 400 -> "请求的参数不正确，请检查后重试";
            case 401 -> "请先登录：接口请用 HTTP Basic 提供用户名和密码，或使用已登录的会话";
            case 403 -> "您的账号无权访问该资源或执行该操作";
            case 404 -> "所请求的页面或记录不存在";
            case 405 -> "不支持该请求方式";
            case 406 -> "无法以所要求的格式返回结果";
            case 409 -> "操作与记录的当前状态冲突，请刷新后重试";
            case 413 -> "请求过大";
            case 415 -> "不支持该内容类型，请以 JSON（application/json）或表单提交";
            default -> status >= 500 ? "服务器内部错误，请稍后重试" : "请求未能处理，请检查后重试";
        };
    }

    /** The exception's own sentence where it is Chinese (a reason a controller gave), otherwise the default one. */
    public static String detail(int status, String reason) {
        return reason != null && HAN.matcher(reason).find() ? reason : detail(status);
    }
}
