/** A transport failure that is not the command's own exit status (connection lost, etc.). */
class TransportError extends Error {
    transport;
    failure;
    name = 'TransportError';
    constructor(message, transport, failure = 'other') {
        super(message);
        this.transport = transport;
        this.failure = failure;
    }
}
/** A failure that waiting, rebooting or power-cycling cannot fix. */
function isConfigFailure(err) {
    return err instanceof TransportError && (err.failure === 'host-key' || err.failure === 'auth');
}

export { TransportError as T, isConfigFailure as i };
