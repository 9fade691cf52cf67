-- Items (#17 item 1): an enterprise's lists of loans, leases, contracts, projects… (indicators.yaml items:).
-- A list is given whole (an import replaces the stored list of its kind); an empty list is a row here with no items.
create table enterprise_item_list (
    uscc    varchar(18) not null references enterprise (uscc) on delete cascade,
    kind    varchar(64) not null,
    file    varchar(255),
    row_no  int,
    primary key (uscc, kind)
);

-- One item: its fields as canonical text by field id (numbers in base units, dates ISO, booleans true/false);
-- a field not present is unknown. ord keeps the order the items were given in.
create table enterprise_item (
    uscc    varchar(18) not null,
    kind    varchar(64) not null,
    item_id varchar(100) not null,
    ord     int not null,
    fields  jsonb not null,
    primary key (uscc, kind, item_id),
    foreign key (uscc, kind) references enterprise_item_list (uscc, kind) on delete cascade
);
