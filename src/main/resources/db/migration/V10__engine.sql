-- Engine additions: the ids a running import has seen (so unchanged jobs cost no job-row write), and a heartbeat
-- that lets a crashed instance's run be recognised as abandoned.
create table sync_seen (
    sync_run_id         varchar(40)  not null,
    ats_job_id          varchar(200) not null,
    primary key (sync_run_id, ats_job_id)
);
alter table sync_run add column heartbeat_at timestamp with time zone;
alter table webhook_receipt add column claimed_until timestamp with time zone;
