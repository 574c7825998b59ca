/**
 * The board section of the config: how the controller reaches the board. Boot modes,
 * switch strategies, reboot/power-cycle and console capture are added by board control.
 */
import { z } from 'zod';

/** An argv array: commands are never shell strings built from config. */
export const Argv = z.array(z.string()).min(1, 'a command needs at least the program name');
export type Argv = z.infer<typeof Argv>;

export const SshTarget = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(22),
    user: z.string().min(1).default('root'),
    /** Private key file; or the name of an environment variable holding the key (a secret). */
    identityFile: z.string().optional(),
    identityEnv: z.string().optional(),
    /** known_hosts file the host key is checked against. Required: no silent "accept new". */
    knownHosts: z.string().min(1),
    connectTimeoutSeconds: z.number().int().positive().default(15),
  })
  .strict();
export type SshTarget = z.infer<typeof SshTarget>;

export const BoardConnection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('local') }).strict(),
  z
    .object({ type: z.literal('ssh') })
    .extend(SshTarget.shape)
    .strict(),
]);
export type BoardConnection = z.infer<typeof BoardConnection>;

export const BoardConfig = z
  .object({
    name: z.string().min(1).default('local'),
    connection: BoardConnection.default({ type: 'local' }),
  })
  .strict();
export type BoardConfig = z.infer<typeof BoardConfig>;
