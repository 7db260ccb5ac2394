-- The baseline's schema: how a shop tracks events in PostgreSQL the straightforward way. Every event is a row; one
-- row per customer is kept current by an upsert in the same transaction as the event's insert.
create table events (
    message_id   text primary key,
    customer_id  text not null,
    type         text not null,
    event        text,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    properties   jsonb
);

-- For the segment queries over events (orders in a window, probes).
create index events_by_name_and_time on events (event, occurred_at);

create table customers (
    customer_id     text primary key,
    email           text,
    first_seen_at   timestamptz not null,
    last_seen_at    timestamptz not null,
    events_count    bigint not null,
    orders_count    integer not null,
    total_revenue   numeric not null,
    last_order_at   timestamptz,
    cart_items      integer not null,
    cart_updated_at timestamptz
);
