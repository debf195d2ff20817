#!/usr/bin/env python3
"""A third party's loyalty event consumer, written as docs/loyalty-integration.md tells one to.

Declares its own durable queue (named with the partner's prefix, the only names its broker user may create),
binds it to the exchange that receives every public loyalty event, and prints each message body (MassTransit's
envelope, the event under "message") as one JSON line on stdout. Status lines go to stderr; "bound" tells a
caller that events published from now on will arrive.

Debian: apt-get install python3-pika.  Usage:
  consumer.py --url amqp://partner-x:secret@broker:5672/vhost --queue partner-x.loyalty [--max-messages N]
"""
import argparse
import json
import sys

import pika

EVERY_LOYALTY_EVENT = "loyalty.events.v1"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="amqp:// URI with the partner's credentials and the vhost")
    parser.add_argument("--queue", required=True, help="the partner's own queue, e.g. partner-x.loyalty")
    parser.add_argument("--exchange", default=EVERY_LOYALTY_EVENT, help="one event's exchange, or all of them")
    parser.add_argument("--max-messages", type=int, default=0, help="stop after this many (0: run until stopped)")
    parser.add_argument("--idle-timeout", type=float, default=0, help="stop after this many idle seconds (0: never)")
    args = parser.parse_args()

    connection = pika.BlockingConnection(pika.URLParameters(args.url))
    channel = connection.channel()
    # Durable and not exclusive: events published while the consumer is down wait in the queue.
    channel.queue_declare(queue=args.queue, durable=True)
    # The exchange is Loyalty's (fanout, routing key ignored): a partner binds to it, never declares it.
    channel.queue_bind(queue=args.queue, exchange=args.exchange, routing_key="")
    channel.basic_qos(prefetch_count=50)
    print(f"bound {args.queue} to {args.exchange}", file=sys.stderr, flush=True)

    seen = set()
    received = 0
    inactivity = args.idle_timeout if args.idle_timeout > 0 else None
    for method, properties, body in channel.consume(args.queue, inactivity_timeout=inactivity):
        if method is None:
            break
        if properties.content_type != "application/vnd.masstransit+json":
            print(f"skipped a message of type {properties.content_type}", file=sys.stderr, flush=True)
            channel.basic_ack(method.delivery_tag)
            continue
        envelope = json.loads(body)
        event_id = envelope["message"]["eventId"]
        # At-least-once delivery: a redelivered or republished event has the same eventId.
        if event_id not in seen:
            seen.add(event_id)
            print(json.dumps(envelope, separators=(",", ":")), flush=True)
        # Acknowledge only after handling: a crash before this line gets the message again.
        channel.basic_ack(method.delivery_tag)
        received += 1
        if args.max_messages and received >= args.max_messages:
            break

    channel.cancel()
    connection.close()


if __name__ == "__main__":
    main()
