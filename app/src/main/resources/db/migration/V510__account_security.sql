-- Account hardening: a password change forced on first login (generated or reset passwords), lockout after
-- repeated wrong passwords, and which enterprises the demo population generated (only they get demo logins).
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column failed_logins int not null default 0;
alter table app_user add column locked_until timestamptz;
alter table enterprise add column demo boolean not null default false;
