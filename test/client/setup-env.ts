// What Taro's build injects: the platform and the `API_BASE` constant (same origin in H5).
process.env.TARO_ENV = 'h5';
(globalThis as unknown as { API_BASE: string }).API_BASE = '';
