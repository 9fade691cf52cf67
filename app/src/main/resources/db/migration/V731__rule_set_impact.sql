-- The impact of a rule-set version (#16 item 4) as the reviewer saw it: computed once per pair (this version, the
-- published one it was compared with), kept with the version so that a restart or another reviewer does not compute
-- it again, and the page can say when it was computed (the enterprise data may have changed since).
create table rule_set_impact (
    policy_id     varchar(64)  not null,
    version       int          not null,
    base_version  int          not null,   -- 0: compared with no published version
    computed_at   timestamptz  not null default now(),
    impact        jsonb        not null,
    primary key (policy_id, version, base_version),
    foreign key (policy_id, version) references rule_set_version (policy_id, version)
);
