/** A workflow step refused (wrong stage, missing approval…), with the status the page answers. */
export class WorkflowError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}
