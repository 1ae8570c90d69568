import { describe, expect, it } from 'vitest';
import { inferBeforeCrawl, typeFromHost, typeFromText } from '../../src/cli/infer-unit-type.js';
import { typeLine } from '../../src/cli/check-command.js';

describe('unit type from the host', () => {
  it.each([
    ['thcs-binhan.hcm.edu.vn', 'thcs'],
    ['www.thcs-vanlang.hcm.edu.vn', 'thcs'],
    ['c2nguyendu.hcm.edu.vn', 'thcs'],
    ['thpt-nguyenhue.hcm.edu.vn', 'thpt'],
    ['c3tranphu.haiphong.edu.vn', 'thpt'],
    ['th-tranhungdao.hcm.edu.vn', 'tieu-hoc'],
    ['c1lequydon.hanoi.edu.vn', 'tieu-hoc'],
    ['tieuhocbinhminh.edu.vn', 'tieu-hoc'],
    ['mnhoasen.hcm.edu.vn', 'mam-non'],
    ['mn-bennghe.hcm.edu.vn', 'mam-non'],
    ['mamnonsonca.edu.vn', 'mam-non'],
    ['th-thcs-hoabinh.edu.vn', 'lien-cap'],
    ['thcs-thpt-nguyenkhuyen.edu.vn', 'lien-cap'],
    ['gdtx-quan1.hcm.edu.vn', 'gdtx'],
    ['pgdquan1.hcm.edu.vn', 'phong'],
  ])('%s → %s', (host, type) => {
    expect(typeFromHost(host)).toBe(type);
  });

  it('a province portal is the Sở when --province names the province', () => {
    expect(typeFromHost('hcm.edu.vn', ['hcm'])).toBe('so');
    expect(typeFromHost('www.haiphong.edu.vn', ['haiphong', 'haiduong'])).toBe('so');
    expect(typeFromHost('hcm.edu.vn')).toBeUndefined();
  });

  it('says nothing for hosts that do not tell', () => {
    expect(typeFromHost('truongvanlang.edu.vn')).toBeUndefined();
    expect(typeFromHost('thanhxuan.hanoi.edu.vn')).toBeUndefined();
    expect(typeFromHost('example.vn')).toBeUndefined();
  });
});

describe('unit type from a name or page title', () => {
  it.each([
    ['Trường Tiểu học Bình Minh - Cổng thông tin điện tử', 'tieu-hoc'],
    ['TRƯỜNG THCS BÌNH AN', 'thcs'],
    ['Trường Trung học phổ thông Nguyễn Huệ', 'thpt'],
    ['Trường Mầm non Hoa Sen', 'mam-non'],
    ['Trường MN Sơn Ca', 'mam-non'],
    ['Trường TH và THCS Hòa Bình', 'lien-cap'],
    ['Trường THCS - THPT Nguyễn Khuyến', 'lien-cap'],
    ['Trung tâm GDNN-GDTX Quận 1', 'gdtx'],
    ['Phòng Giáo dục và Đào tạo Quận 1', 'phong'],
    ['Sở Giáo dục và Đào tạo Hải Phòng', 'so'],
  ])('%s → %s', (text, type) => {
    expect(typeFromText(text)).toBe(type);
  });

  it('the name wins over the host; nothing when neither tells', () => {
    expect(inferBeforeCrawl('Trường Tiểu học Bình An', 'thcs-binhan.hcm.edu.vn')).toEqual({
      type: 'tieu-hoc',
      from: 'name',
      evidence: 'Trường Tiểu học Bình An',
    });
    expect(inferBeforeCrawl(undefined, 'thcs-binhan.hcm.edu.vn')).toEqual({
      type: 'thcs',
      from: 'host',
      evidence: 'thcs-binhan.hcm.edu.vn',
    });
    expect(inferBeforeCrawl('Trường Văn Lang', 'truongvanlang.edu.vn')).toBeUndefined();
  });

  it('the scorecard line says where the type came from', () => {
    expect(typeLine({ type: 'thcs', from: 'host', evidence: 'thcs-binhan.hcm.edu.vn' }, 'vi')).toBe(
      "Loại hình: THCS — suy ra từ tên miền 'thcs-binhan.hcm.edu.vn'; nếu sai, chỉ rõ bằng --type",
    );
    expect(typeLine({ type: 'tieu-hoc', from: 'title', evidence: 'Trường Tiểu học A' }, 'en')).toBe(
      "Unit type: Primary school — inferred from the home page title 'Trường Tiểu học A'; if wrong, use --type",
    );
    expect(typeLine({ type: 'thpt', from: 'type', evidence: 'thpt' }, 'vi')).toBe('Loại hình: THPT (--type)');
    expect(typeLine(undefined, 'vi')).toBe('Loại hình: Đơn vị khác (không suy ra được từ tên miền hay tiêu đề trang; chỉ rõ bằng --type)');
  });
});
