package huiqi.web.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The 新建账号 form (field rules by Bean Validation; role, 信用代码, password strength and uniqueness by {@link NewAccountValidator}). */
record NewAccount(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "用户名为 3-64 位字母、数字、点、下划线或连字符") String username,
                  @NotBlank @Size(min = 8, max = 72, message = "密码长度为 8-72 位") String password,
                  @NotBlank(message = "请选择角色") String role,
                  @NotBlank(message = "请填写姓名或名称") @Size(max = 100) String displayName,
                  @Size(max = 100) String unit,
                  @Size(max = 18) String uscc) {
}
