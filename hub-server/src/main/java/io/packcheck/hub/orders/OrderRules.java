package io.packcheck.hub.orders;

import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.hub.storage.Conflict;
import java.util.Optional;

/** How commands and station events move an order's status. Pure, so every transition is tested without a hub. */
public final class OrderRules {

    private OrderRules() {}

    /** The status after a command; a {@link Conflict} when the command makes no sense in the current status. */
    public static OrderStatus afterCommand(OrderStatus current, OrderCommand command, Optional<OrderStatus> heldFrom) {
        return switch (command) {
            case CANCEL -> {
                if (current == OrderStatus.VERIFIED) {
                    throw new Conflict("order_verified", "status", "the order is already verified and cannot be cancelled");
                }
                yield OrderStatus.CANCELLED;
            }
            case HOLD -> {
                if (current == OrderStatus.VERIFIED || current == OrderStatus.CANCELLED) {
                    throw new Conflict("order_closed", "status", "the order is " + current + " and cannot be held");
                }
                yield OrderStatus.ON_HOLD;
            }
            case RELEASE -> {
                if (current != OrderStatus.ON_HOLD) {
                    throw new Conflict("order_not_held", "status", "the order is " + current + ", not ON_HOLD");
                }
                yield heldFrom.orElse(OrderStatus.OPEN);
            }
        };
    }

    /** Whether ops may still replace the order's content. */
    public static void checkReplaceable(OrderStatus current) {
        if (current == OrderStatus.VERIFIED || current == OrderStatus.CANCELLED) {
            throw new Conflict("order_closed", "status", "the order is " + current + " and can no longer be changed");
        }
    }

    /**
     * The status a station event moves an order to, if any. Held and cancelled orders stay so: the station
     * was told and the event is kept as a record only.
     */
    public static Optional<OrderStatus> afterEvent(OrderStatus current, PackEvent event) {
        if (current.blocksPacking()) {
            return Optional.empty();
        }
        OrderStatus next = switch (event.kind()) {
            case ORDER_OPENED -> current == OrderStatus.OPEN ? OrderStatus.IN_PROGRESS : current;
            case ORDER_COMPLETED -> OrderStatus.VERIFIED;
            case SHORTED -> OrderStatus.EXCEPTION;
            case SESSION_CANCELLED -> current == OrderStatus.IN_PROGRESS ? OrderStatus.OPEN : current;
            default -> current;
        };
        return next == current ? Optional.empty() : Optional.of(next);
    }

    /** A completion against an older version than the hub's: the box may not match the order any more. */
    public static boolean verifiedOutdated(PackEvent event, long currentVersion) {
        return event.kind() == PackEvent.EventKind.ORDER_COMPLETED && event.orderVersion() < currentVersion;
    }
}
