/**
 * Every `aws-event-kit` sub-command, in the order `--help` lists them: one line per command.
 * (The pipes helper adds render, lint and check-template here.)
 */
import type { CliCommand } from '../command.js';
import { generateCommand } from './generate.js';
import { listCommand } from './list.js';
import { renderCommand } from './render.js';
import { lintCommand } from './lint.js';
import { checkTemplateCommand } from './checkTemplate.js';
import { testPatternCommand } from './testPattern.js';
import { lintPatternCommand } from './lintPattern.js';

/** The command table main dispatches on. */
export const COMMANDS: readonly CliCommand[] = [
  generateCommand,
  listCommand,
  renderCommand,
  lintCommand,
  checkTemplateCommand,
  testPatternCommand,
  lintPatternCommand,
];
