// The training worker (a module worker). The page posts { glue, module }: the
// URL of its wasm-bindgen glue and its already compiled WebAssembly.Module.
// Instantiating that module runs its start function, which sees a worker scope,
// takes over onmessage and posts Ready. A failure is rethrown outside the
// promise so that the page's Worker gets an error event (and says so).
self.onmessage = async ({ data }) => {
  self.onmessage = null;
  try {
    const glue = await import(data.glue);
    await glue.default({ module_or_path: data.module });
  } catch (e) {
    setTimeout(() => {
      throw e;
    });
  }
};
