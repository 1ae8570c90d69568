// A stand-in unit worker that dies while starting up, as a worker whose modules cannot load would.
throw new Error('cannot start: a module failed to load');
