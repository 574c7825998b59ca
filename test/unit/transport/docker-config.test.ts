import { describe, expect, it } from 'vitest';
import { DockerEnvironmentConfig } from '../../../src/environments/docker.js';

describe('DockerEnvironmentConfig', () => {
  it("defaults to the paper's container: CPUs and memory from resources (no CPU-time quota), default bridge, built image, the writable layer", () => {
    expect(DockerEnvironmentConfig.parse({})).toEqual({
      imageRepository: 'arm-virt-bench/bench',
      network: 'bridge',
      tools: [],
      docker: ['docker'],
      init: true,
      buildTimeoutSeconds: 900,
      allowRamScratch: false,
    });
  });

  it('takes overrides', () => {
    const c = DockerEnvironmentConfig.parse({
      image: 'registry.local:5000/bench:1',
      cpus: 2,
      memory: '512m',
      network: 'host',
      tools: ['/opt/bin/stress-ng'],
      docker: ['docker', '-H', 'unix:///run/other.sock'],
      dockerHost: 'unix:///run/other.sock',
    });
    expect(c.image).toBe('registry.local:5000/bench:1');
    expect(c.cpus).toBe(2);
    expect(c.docker).toEqual(['docker', '-H', 'unix:///run/other.sock']);
  });

  it('rejects values that docker would read as options, and unknown keys', () => {
    expect(() => DockerEnvironmentConfig.parse({ image: '--privileged' })).toThrow(/image reference/);
    expect(() => DockerEnvironmentConfig.parse({ network: '--privileged' })).toThrow(/network name/);
    expect(() => DockerEnvironmentConfig.parse({ memory: '1g --privileged' })).toThrow(/size like/);
    expect(() => DockerEnvironmentConfig.parse({ cpus: 0 })).toThrow();
    expect(() => DockerEnvironmentConfig.parse({ tools: ['a;b'] })).toThrow(/program name/);
    expect(() => DockerEnvironmentConfig.parse({ privileged: true })).toThrow(/privileged/);
  });
});
