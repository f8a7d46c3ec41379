package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.vrrp.VirtualAddress;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.netlink.InterfaceAddress;
import org.jkeepalived.libc.netlink.StructIfaddrMsg;
import org.jkeepalived.vrrp.machine.VrrpEffects;

/**
 * The effects of one instance (or, without an instance, of a sync group, which only logs and notifies) carried out
 * on the loop thread through the engine's shared {@link EngineIo}. Failures are logged with what failed and never
 * reach the machine.
 */
final class EngineEffects implements VrrpEffects {

    private static final int EEXIST = 17;
    private static final int EADDRNOTAVAIL = 99;
    private static final int IFA_F_NODAD = 0x02;
    private static final int IFA_F_HOMEADDRESS = 0x10;
    private static final int IFA_F_MANAGETEMPADDR = 0x100;
    private static final int IFA_F_NOPREFIXROUTE = 0x200;
    private static final int IFA_F_MCAUTOJOIN = 0x400;

    private final EngineIo io;
    private final Optional<InstanceRuntime> instance;

    private EngineEffects(EngineIo io, Optional<InstanceRuntime> instance) {
        this.io = io;
        this.instance = instance;
    }

    static EngineEffects forInstance(EngineIo io, InstanceRuntime instance) {
        return new EngineEffects(io, Optional.of(instance));
    }

    static EngineEffects forGroup(EngineIo io) {
        return new EngineEffects(io, Optional.empty());
    }

    @Override
    public void sendAdvert(int priority) {
        InstanceRuntime runtime = runtime();
        if (runtime.socket.isEmpty()) {
            return;
        }
        try {
            runtime.sendAdvert(priority, io.sendBuffer());
            runtime.stats.advertSent(priority);
        } catch (NativeIoException e) {
            io.log("(" + runtime.name() + ") advert not sent: " + e.getMessage());
        }
    }

    @Override
    public void syncAuthSequenceAfterLowerPriority() {
        InstanceRuntime runtime = runtime();
        if (runtime.syncAhSequenceAfterLowerPriority()) {
            io.log("(" + runtime.name() + ") IPSEC-AH : Syncing seq_num - Increment seq");
        }
    }

    @Override
    public void addVirtualAddresses() {
        InstanceRuntime runtime = runtime();
        io.logDetail("(" + runtime.name() + ") setting VIPs.");
        changeAddresses(runtime, runtime.config.virtualAddresses(), true);
        if (!runtime.config.excludedAddresses().isEmpty()) {
            io.logDetail("(" + runtime.name() + ") setting E-VIPs.");
            changeAddresses(runtime, runtime.config.excludedAddresses(), true);
        }
    }

    @Override
    public void removeVirtualAddresses() {
        InstanceRuntime runtime = runtime();
        io.logDetail("(" + runtime.name() + ") removing VIPs.");
        changeAddresses(runtime, runtime.config.virtualAddresses(), false);
        if (!runtime.config.excludedAddresses().isEmpty()) {
            io.logDetail("(" + runtime.name() + ") removing E-VIPs.");
            changeAddresses(runtime, runtime.config.excludedAddresses(), false);
        }
    }

    /** Removes {@code addresses} of the instance: those a reload took out of its configuration. */
    void removeAddresses(List<VirtualAddress> addresses) {
        changeAddresses(runtime(), addresses, false);
    }

    @Override
    public void addVirtualRoutes() {
        InstanceRuntime runtime = runtime();
        if (runtime.routing.hasRoutes()) {
            io.logDetail("(" + runtime.name() + ") setting Virtual Routes");
            runtime.routing.addRoutes(io);
        }
    }

    @Override
    public void addVirtualRules() {
        InstanceRuntime runtime = runtime();
        if (runtime.routing.hasRules()) {
            io.logDetail("(" + runtime.name() + ") setting Virtual Rules");
            runtime.routing.addRules(io);
        }
    }

    /** The first removal, on leaving INIT, removes every rule as keepalived's vrrp_init_state forces it to. */
    @Override
    public void removeVirtualRules() {
        InstanceRuntime runtime = runtime();
        if (runtime.routing.hasRules()) {
            io.logDetail("(" + runtime.name() + ") removing Virtual Rules");
            runtime.routing.removeRules(io, !runtime.rulesCleared);
            runtime.rulesCleared = true;
        }
    }

    @Override
    public void removeVirtualRoutes() {
        InstanceRuntime runtime = runtime();
        if (runtime.routing.hasRoutes()) {
            io.logDetail("(" + runtime.name() + ") removing Virtual Routes");
            runtime.routing.removeRoutes(io);
        }
    }

    @Override
    public void sendGratuitousUpdates(int rounds) {
        InstanceRuntime runtime = runtime();
        List<VirtualAddress> addresses = new ArrayList<>(runtime.config.virtualAddresses());
        addresses.addAll(runtime.config.excludedAddresses());
        for (int round = 0; round < rounds; round++) {
            for (VirtualAddress address : addresses) {
                String device = deviceOf(runtime, address);
                if (round == 0) {
                    io.logDetail("(" + runtime.name() + ") Sending/queueing " + (address.address()
                            instanceof Inet6Address ? "Unsolicited Neighbour Adverts" : "gratuitous ARPs") + " on "
                            + device + " for " + IpAddresses.format(address.address()));
                }
                io.queueGratuitousUpdate(runtime.name(), device, address.address());
            }
        }
    }

    @Override
    public void cancelQueuedGratuitousUpdates() {
        io.cancelGratuitousUpdates(runtime().name());
    }

    @Override
    public void runNotifyScript(ScriptSpec script, List<String> argv, long timeoutMicros) {
        io.runNotifyScript(argv, script.runAs(), timeoutMicros);
    }

    @Override
    public void writeNotifyFifo(String line) {
        io.writeNotifyFifo(line);
    }

    @Override
    public void becameMaster() {
        instance.ifPresent(runtime -> io.masterListener().becameMaster(runtime.name()));
    }

    @Override
    public void notified(String type, String name, String state) {
        io.alertListener().notified(type, name, state);
    }

    @Override
    public void leavingMaster() {
        instance.ifPresent(runtime -> io.masterListener().leavingMaster(runtime.name()));
    }

    @Override
    public void log(String line) {
        io.log(line);
    }

    private InstanceRuntime runtime() {
        return instance.orElseThrow(() -> new IllegalStateException("a sync group has no addresses or adverts"));
    }

    private void changeAddresses(InstanceRuntime runtime, List<VirtualAddress> addresses, boolean add) {
        for (VirtualAddress address : addresses) {
            String device = deviceOf(runtime, address);
            Optional<LinkState> link = io.link(device);
            if (link.isEmpty()) {
                io.log("(" + runtime.name() + ") cannot " + (add ? "add " : "remove ")
                        + address.address().getHostAddress() + ": no interface " + device);
                continue;
            }
            changeAddress(io, "(" + runtime.name() + ") ", link.get().index(), address, add);
        }
    }

    /** Adds or removes one address; an address already there (or already gone) is not an error. */
    static void changeAddress(EngineIo io, String logPrefix, int interfaceIndex, VirtualAddress address,
                              boolean add) {
        InterfaceAddress request = interfaceAddress(interfaceIndex, address);
        try {
            if (add) {
                io.rtnetlink().addAddress(request);
            } else {
                io.rtnetlink().deleteAddress(request);
            }
        } catch (NativeIoException e) {
            int harmless = add ? EEXIST : EADDRNOTAVAIL;
            if (e.errno() != harmless) {
                io.log(logPrefix + e.getMessage());
            }
        } catch (IOException e) {
            io.log(logPrefix + e.getMessage());
        }
    }

    static String deviceOf(InstanceRuntime runtime, VirtualAddress address) {
        return address.device().or(runtime::addressInterface).orElse("");
    }

    /** keepalived adds IPv6 virtual addresses without duplicate address detection. */
    static InterfaceAddress interfaceAddress(int interfaceIndex, VirtualAddress address) {
        int flags = address.address() instanceof Inet6Address ? IFA_F_NODAD : 0;
        flags |= flagBits(address.flags());
        return new InterfaceAddress(interfaceIndex, address.address(), address.prefixLength(), address.broadcast(),
                address.scope().orElse(StructIfaddrMsg.RT_SCOPE_UNIVERSE), address.label(), flags);
    }

    private static int flagBits(Set<VirtualAddress.Flag> flags) {
        int bits = 0;
        for (VirtualAddress.Flag flag : flags) {
            bits |= switch (flag) {
                case HOME -> IFA_F_HOMEADDRESS;
                case NODAD -> IFA_F_NODAD;
                case MANAGETEMPADDR -> IFA_F_MANAGETEMPADDR;
                case NOPREFIXROUTE -> IFA_F_NOPREFIXROUTE;
                case MCAUTOJOIN -> IFA_F_MCAUTOJOIN;
            };
        }
        return bits;
    }
}
