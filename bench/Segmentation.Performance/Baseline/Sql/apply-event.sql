-- One event: insert its row (a repeated message id is ignored, like the silo's deduplication) and, when it was new,
-- upsert its customer's row. Run in a transaction of its own per event.
with inserted as (
    insert into events (message_id, customer_id, type, event, occurred_at, received_at, properties)
    values (@message_id, @customer_id, @type, @event, @occurred_at, @received_at, @properties)
    on conflict (message_id) do nothing
    returning customer_id)
insert into customers as c (
    customer_id, email, first_seen_at, last_seen_at, events_count, orders_count, total_revenue, last_order_at,
    cart_items, cart_updated_at)
select customer_id, @email, @occurred_at, @occurred_at, 1, @orders, @revenue, @order_at, greatest(@cart_delta, 0), @cart_at
from inserted
on conflict (customer_id) do update set
    email = coalesce(excluded.email, c.email),
    first_seen_at = least(c.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at),
    events_count = c.events_count + 1,
    orders_count = c.orders_count + excluded.orders_count,
    total_revenue = c.total_revenue + excluded.total_revenue,
    last_order_at = greatest(c.last_order_at, excluded.last_order_at),
    cart_items = case when @cart_reset then 0 else greatest(c.cart_items + @cart_delta, 0) end,
    cart_updated_at = greatest(c.cart_updated_at, excluded.cart_updated_at);
