package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.config.vrrp.IpRoute;
import org.jkeepalived.config.vrrp.IpRule;
import org.jkeepalived.libc.NativeIoException;

/**
 * The routes and rules of one owner (an instance's virtual_routes / virtual_rules, or the static ones) and which of
 * them are in the kernel, as keepalived's {@code netlink_rtlist} / {@code netlink_rulelist} track their {@code set}
 * flag: a route or rule is removed only if it was set, unless the removal is forced.
 */
final class RoutingSet {

    /** keepalived's {@code netlink_error_ignore} for a forced rule removal. */
    private static final int ENOENT = 2;

    private final List<IpRoute> routes;
    private final List<IpRule> rules;
    private final Set<IpRoute> installedRoutes = new LinkedHashSet<>();
    private final Set<IpRule> installedRules = new LinkedHashSet<>();

    RoutingSet(List<IpRoute> routes, List<IpRule> rules) {
        this.routes = List.copyOf(routes);
        this.rules = List.copyOf(rules);
    }

    boolean hasRoutes() {
        return !routes.isEmpty();
    }

    boolean hasRules() {
        return !rules.isEmpty();
    }

    void addRoutes(EngineIo io) {
        for (IpRoute route : routes) {
            if (!installedRoutes.contains(route) && changeRoute(io, route, true)) {
                installedRoutes.add(route);
            }
        }
    }

    void removeRoutes(EngineIo io) {
        for (IpRoute route : routes) {
            if (installedRoutes.remove(route)) {
                changeRoute(io, route, false);
            }
        }
    }

    void addRules(EngineIo io) {
        for (IpRule rule : rules) {
            if (!installedRules.contains(rule) && changeRule(io, rule, true, false)) {
                installedRules.add(rule);
            }
        }
    }

    /** @param force remove every rule, set or not, quietly where there is none (keepalived's start-up cleaning) */
    void removeRules(EngineIo io, boolean force) {
        for (IpRule rule : rules) {
            if (installedRules.remove(rule) || force) {
                changeRule(io, rule, false, force);
            }
        }
    }

    private static boolean changeRoute(EngineIo io, IpRoute route, boolean add) {
        return RoutingRequests.route(route, add, name -> io.link(name).map(link -> OptionalInt.of(link.index()))
                        .orElse(OptionalInt.empty()))
                .map(request -> run(io, () -> io.rtnetlink().changeRoute(request.type(), request.flags(),
                        request.rtmsg(), request.attributes()), false))
                .orElseGet(() -> {
                    io.log("Route " + String.join(" ", route.words()) + " names an interface that does not exist");
                    return false;
                });
    }

    private static boolean changeRule(EngineIo io, IpRule rule, boolean add, boolean quietWithoutRule) {
        RoutingRequests.RuleRequest request = RoutingRequests.rule(rule, add);
        return run(io, () -> io.rtnetlink().changeRule(request.type(), request.flags(), request.rule(),
                request.attributes()), quietWithoutRule);
    }

    @FunctionalInterface
    private interface NetlinkCall {
        void run() throws IOException;
    }

    /** Runs {@code call}, logging a failure as keepalived's netlink_talk does; true when the kernel accepted it. */
    private static boolean run(EngineIo io, NetlinkCall call, boolean quietWithoutEntry) {
        try {
            call.run();
            return true;
        } catch (NativeIoException e) {
            if (!(quietWithoutEntry && e.errno() == ENOENT)) {
                io.log("Netlink: error: " + e.getMessage());
            }
        } catch (IOException e) {
            io.log("Netlink: error: " + e.getMessage());
        }
        return false;
    }
}
