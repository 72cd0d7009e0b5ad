/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

/** Injected by `defineConstants` at build time: the API origin, or '' for the same origin (H5). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
  }
}
