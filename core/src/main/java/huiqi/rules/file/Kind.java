package huiqi.rules.file;

/** What a measure grants: 减免 (relief), 奖补 (award/subsidy), 权益 (a right), 资质 (a status). */
public enum Kind {
    减免, 奖补, 权益, 资质
}
