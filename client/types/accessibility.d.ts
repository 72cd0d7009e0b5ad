// Taro types `role` on View but not on Text; a tappable Text (a link-like action) needs it on H5
// like a View does (Taro drops it from the mini program's templates).
import '@tarojs/components/types/Text';

declare module '@tarojs/components/types/Text' {
  interface TextProps {
    role?: string;
  }
}
