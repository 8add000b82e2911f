import type { AstroIntegration } from 'astro';
import { reportPhone, reportZalo } from '../lib/site.ts';

/**
 * "Báo nội dung sai" (issue 24): says once per build whether residents get a phone and a Zalo
 * link (REPORT_PHONE, REPORT_ZALO), and stops the build on a setting that is not a phone number.
 */
export function reportSettings(): AstroIntegration {
  return {
    name: 'ban-so:report-settings',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const phone = reportPhone();
        const zalo = reportZalo();
        if (!phone && !zalo) {
          logger.info('Chưa đặt REPORT_PHONE: mục "Báo nội dung sai" chỉ có đường dẫn báo lỗi trên GitHub, không có số điện thoại và Zalo của tổ biên tập (xem README).');
        }
      },
    },
  };
}
