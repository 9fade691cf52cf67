package huiqi.testdata;

/** A boundary case assigned to one generated enterprise. */
public record Scenario(Boundary boundary, BoundaryCase boundaryCase) {
    public String expected() {
        return boundary.expected(boundaryCase);
    }
}
