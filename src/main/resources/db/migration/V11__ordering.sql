-- The events feed is read per company by a sequence taken under a row lock, so events become visible in the order
-- of their sequence numbers (an identity id can commit out of order across transactions and be skipped by a cursor).
create table event_seq (
    company_id          varchar(200) primary key,
    last_seq            bigint       not null
);
alter table event add column seq bigint;
update event set seq = id;
create unique index event_company_seq on event (company_id, seq);

-- The ATS time of the newest signal applied to a candidacy: an older signal arriving late is not applied.
alter table application_ref add column ats_event_at timestamp with time zone;
-- When two signals carry the same ATS time their order is unknown: the candidacy is re-read from the ATS shortly after.
alter table application_ref add column confirm_at timestamp with time zone;

-- Operators list a connection's newest receipts.
create index webhook_receipt_connection on webhook_receipt (connection_id, id);
