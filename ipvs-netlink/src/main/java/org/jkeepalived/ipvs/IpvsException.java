package org.jkeepalived.ipvs;

import java.io.IOException;

/**
 * The kernel refused an IPVS operation. The message is the line keepalived 2.2.7 logs for it, e.g.
 * {@code IPVS cmd IP_VS_SO_SET_ADD(1154) error: Service already exists(17) (10.0.0.1:tcp:80)}.
 */
public final class IpvsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final IpvsOperation operation;
    private final int errno;

    /**
     * @param target what the operation was about as keepalived formats it ({@code 10.0.0.1:tcp:80 -> 10.0.0.2:80}),
     *               empty for none
     */
    public IpvsException(IpvsOperation operation, int errno, String errnoText, String target) {
        super("IPVS cmd " + operation.socketOptionName() + "(" + operation.socketOption() + ") error: "
                + operation.errorText(errno, errnoText) + "(" + errno + ")" + (target.isEmpty() ? ""
                        : " (" + target + ")"));
        this.operation = operation;
        this.errno = errno;
    }

    public IpvsOperation operation() {
        return operation;
    }

    public int errno() {
        return errno;
    }
}
