/** Long work reports through this callback; the CLI decides how to show it. */
export type Phase = 'read' | 'validate' | 'compute' | 'render' | 'pdf' | 'docx' | 'write';

export interface ProgressEvent {
  phase: Phase;
  message: string;
}

export type ProgressListener = (event: ProgressEvent) => void;
