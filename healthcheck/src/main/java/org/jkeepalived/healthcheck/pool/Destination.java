package org.jkeepalived.healthcheck.pool;

/**
 * A real or sorry server as keepalived's {@code ipvs_cmd} sees it: whether it is in the IPVS table ({@code set}),
 * whether keepalived counts it alive, and the weight it would be given. Owned by the checker event loop thread.
 */
abstract class Destination {
    /** IPVS_WEIGHT_LIMIT: the largest weight the kernel takes. */
    static final long WEIGHT_LIMIT = Integer.MAX_VALUE;

    final String name;
    final boolean inhibit;
    boolean set;
    boolean alive;
    long effectiveWeight;

    Destination(String name, boolean inhibit, long effectiveWeight) {
        this.name = name;
        this.inhibit = inhibit;
        this.effectiveWeight = effectiveWeight;
    }

    /** keepalived's {@code real_weight}: the effective weight clamped to what IPVS takes. */
    static int realWeight(long effectiveWeight) {
        return (int) Math.max(0, Math.min(WEIGHT_LIMIT, effectiveWeight));
    }

    int realWeight() {
        return realWeight(effectiveWeight);
    }

    /** Whether any checker holds it down (a sorry server has none). */
    abstract boolean failing();

    abstract boolean add(int weight);

    abstract boolean edit(int weight);

    abstract boolean delete();

    /**
     * keepalived's {@code ipvs_cmd} for ADDDEST / DELDEST: an inhibited server is edited to weight 0 rather than
     * removed, and edited back rather than added again.
     */
    boolean command(boolean add) {
        if (!add && inhibit) {
            return edit(0);
        }
        if (add && inhibit && set) {
            return edit(realWeight());
        }
        if (add && !set) {
            set = true;
            return add(inhibit && failing() ? 0 : realWeight());
        }
        if (!add && set) {
            set = false;
        }
        return add ? add(realWeight()) : delete();
    }

    /** Removal even with {@code inhibit_on_failure}, as keepalived does on shutdown. */
    void forceRemove() {
        set = false;
        delete();
    }
}
