/**
 * bulletin completion bash|zsh|powershell: a completion script generated
 * from the command definitions themselves, so it cannot fall behind them.
 */
import type { Command } from 'commander';
import { BulletinError } from '../model/errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

export type CompletionShell = 'bash' | 'zsh' | 'powershell';

interface Spec {
  name: string;
  flags: string[];
}

/** Every subcommand with its long and short flags (help included). */
export function commandSpecs(program: Command): Spec[] {
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      flags: [...c.options.flatMap((o) => [o.long, o.short]), '--help'].filter((f): f is string => Boolean(f)),
    }));
}

function bash(specs: Spec[]): string {
  const cases = specs.map((s) => `    ${s.name}) opts="${s.flags.join(' ')}" ;;`).join('\n');
  return `# bulletin completion for bash: add to ~/.bashrc
#   source <(bulletin completion bash)
_bulletin() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${specs.map((s) => s.name).join(' ')} help --help --version" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _bulletin bulletin
`;
}

function zsh(specs: Spec[]): string {
  const cases = specs.map((s) => `    ${s.name}) compadd -- ${s.flags.join(' ')}; _files ;;`).join('\n');
  return `#compdef bulletin
# bulletin completion for zsh: add to ~/.zshrc (after compinit)
#   source <(bulletin completion zsh)
_bulletin() {
  if (( CURRENT == 2 )); then
    compadd -- ${specs.map((s) => s.name).join(' ')} help
    return
  fi
  case "$words[2]" in
${cases}
    *) _files ;;
  esac
}
compdef _bulletin bulletin
`;
}

function powershell(specs: Spec[]): string {
  const table = specs.map((s) => `  '${s.name}' = @(${s.flags.map((f) => `'${f}'`).join(', ')})`).join('\n');
  return `# bulletin completion for PowerShell: add to $PROFILE
#   bulletin completion powershell | Out-String | Invoke-Expression
$bulletinFlags = @{
${table}
}
Register-ArgumentCompleter -Native -CommandName bulletin -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
  if ($words.Count -le 1 -or ($words.Count -eq 2 -and $wordToComplete)) {
    $candidates = @($bulletinFlags.Keys) + 'help'
  } else {
    $candidates = $bulletinFlags[$words[1]]
  }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | Sort-Object |
    ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
`;
}

export async function runCompletion(shell: string, program: Command, io: CliIo): Promise<number> {
  const make = { bash, zsh, powershell }[shell as CompletionShell];
  if (!make)
    throw new BulletinError(
      'usage.completion.shell',
      'usage',
      `不支持的 shell：${shell}。`,
      '可用：bulletin completion bash、bulletin completion zsh、bulletin completion powershell。',
    );
  io.stdout(make(commandSpecs(program)));
  return EXIT.ok;
}
