package huiqi.enterprise;

import java.util.List;

/** What a successful import stored: how many profile rows and fact rows, from which files. */
public record ImportResult(List<String> files, int profiles, int facts) {
}
