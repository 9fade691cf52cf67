package huiqi.web.enterprise;

/** No enterprise with this 统一社会信用代码 in the register (the web layer answers 404). */
public class EnterpriseNotFound extends RuntimeException {
    public EnterpriseNotFound(String uscc) {
        super("企业不存在：" + uscc);
    }
}
