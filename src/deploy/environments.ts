/**
 * Points environments at what was deployed for them (pure): a kvm guest boots the under-test
 * kernel/initrd or disk with the QEMU arguments under test, a DomU boots the under-test kernel
 * or domain config, a container runs the deployed image. The new settings are validated again
 * by the kind's own schema.
 */
import type { DeployConfig } from '../config/deploy.js';
import type { Config, EnvironmentEntry } from '../config/schema.js';
import { environmentRegistry } from '../environments/registry.js';
import type { DockerEnvironmentConfig } from '../environments/docker.js';
import type { KvmEnvironmentConfig } from '../environments/kvm-config.js';
import type { XenDomuEnvironmentConfig } from '../environments/xen-domu-config.js';
import type { DeployPlan } from './plan.js';

function kvmSettings(
  s: KvmEnvironmentConfig,
  files: Record<string, string>,
  d: DeployConfig['environments'][string],
): object {
  let boot: object = s.boot;
  if (files.disk) {
    boot = {
      disk: files.disk,
      format: d.diskFormat ?? ('disk' in s.boot ? s.boot.format : 'raw'),
      ...('firmware' in s.boot && s.boot.firmware ? { firmware: s.boot.firmware } : {}),
    };
  } else if (files.kernel || files.initrd || d.append !== undefined) {
    const was = 'kernel' in s.boot ? s.boot : undefined;
    const kernel = files.kernel ?? was?.kernel;
    if (!kernel)
      throw new Error('a deployed initrd or append needs a kernel: deploy one, or configure boot.kernel');
    const initrd = files.initrd ?? was?.initrd;
    const append = d.append ?? was?.append;
    boot = { kernel, ...(initrd ? { initrd } : {}), ...(append !== undefined ? { append } : {}) };
  }
  return { ...s, boot, extraArgs: [...s.extraArgs, ...(d.qemuArgs ?? [])] };
}

function domuSettings(
  s: XenDomuEnvironmentConfig,
  files: Record<string, string>,
  d: DeployConfig['environments'][string],
): object {
  if (files['domain-config']) {
    const { generate: _g, ...rest } = s;
    return { ...rest, configFile: files['domain-config'] };
  }
  if (!s.generate) {
    throw new Error(
      'this xen-domu environment uses configFile: deploy its domainConfig (which names the kernel), or configure generate',
    );
  }
  return {
    ...s,
    generate: {
      ...s.generate,
      ...(files.kernel ? { kernel: files.kernel } : {}),
      ...(files.initrd ? { ramdisk: files.initrd } : {}),
      ...(d.append !== undefined ? { cmdline: d.append } : {}),
    },
  };
}

/** The config with every environment of deploy section `d` pointed at its under-test files. */
export function applyDeployment(config: Config, d: DeployConfig, plan: DeployPlan): Config {
  const environments: EnvironmentEntry[] = config.environments.map((e) => {
    const dep = d.environments[e.id];
    if (!dep) return e;
    const files = plan.environments[e.id] ?? {};
    let settings: object;
    try {
      if (e.kind === 'kvm') settings = kvmSettings(e.settings as KvmEnvironmentConfig, files, dep);
      else if (e.kind === 'xen-domu')
        settings = domuSettings(e.settings as XenDomuEnvironmentConfig, files, dep);
      else if (e.kind === 'docker' && plan.imageTags[e.id])
        settings = { ...(e.settings as DockerEnvironmentConfig), image: plan.imageTags[e.id] };
      else settings = e.settings;
      const schema = environmentRegistry[e.kind]!.schema;
      settings = schema.parse(settings);
    } catch (err) {
      throw new Error(`deploy.environments.${e.id}: ${(err as Error).message}`);
    }
    return { ...e, settings };
  });
  return { ...config, environments };
}
