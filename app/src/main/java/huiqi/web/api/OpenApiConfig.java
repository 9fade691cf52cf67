package huiqi.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What /v3/api-docs says about the API as a whole: its title and the build's version, the two ways to sign in
 * (HTTP Basic, or the browser session cookie), and the problem+json error answers the operations refer to
 * (added per operation by {@link ErrorResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    static final String BASIC = "basicAuth";
    static final String SESSION = "session";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI huiqiOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties b = build.getIfAvailable();
        String version = b != null ? b.getVersion() : "开发版";
        return new OpenAPI()
                .info(new Info().title("惠企平台 REST API").version(version)
                        .description("政策文件、规则、企业一企一档与一企一策、事实数据上报、批量免申即享、兑现、督查。"
                                + "错误一律为 RFC 9457 problem+json，detail 为中文说明。说明见 docs/api.md。"))
                // relative: the API is served by whichever host the platform runs on (springdoc would state the local address)
                .servers(List.of(new Server().url("/").description("本平台")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名与密码（如 curl -u gongxin:…）；带 Authorization 头的请求不需要 CSRF 令牌"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("浏览器登录后的会话 Cookie；写请求须带 X-CSRF-TOKEN 头（页面 <meta name=\"_csrf\">）"))
                        .addSchemas(PROBLEM, problemSchema())
                        .responses(Map.of(
                                ErrorResponses.BAD_REQUEST, problem("请求有误：参数或请求体格式不正确、取值超出范围"),
                                ErrorResponses.UNAUTHORIZED, problem("未登录：缺少或错误的用户名与密码"),
                                ErrorResponses.FORBIDDEN, problem("无权访问：角色不符，或记录不属于本单位/本企业"),
                                ErrorResponses.NOT_FOUND, problem("所请求的记录不存在"))))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 问题详情")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("中文标题").example("未找到"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().description("中文说明").example("政策文件不存在"))
                .addProperty("instance", new StringSchema())
                .addProperty("problems", new io.swagger.v3.oas.models.media.ArraySchema().items(new StringSchema())
                        .description("逐条原因（整批校验的接口）"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
