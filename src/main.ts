import * as core from '@actions/core';

/** Placeholder until the action lands: reads inputs, runs the phases. */
export async function main(): Promise<void> {
  core.info('arm-virt-bench: action not implemented yet');
}
