"""The backup container: files written by earlier versions still open, format 2 is written
byte for byte as before, the key parameters come from the file, and each kind of bad file is
told apart."""

from __future__ import annotations

import secrets
import zlib

import pytest

from rasad_desktop.formats import backup_container as container
from rasad_desktop.formats import backup_contents

PASS = "گذرواژهٔ پشتیبان 1404"
DATABASE = b"SQLite format 3\x00" + bytes(range(48))
FILES = {"0123456789abcdef0123456789abcdef.txt": "نامهٔ ۱".encode()}
CREATED = 1_760_000_000
SALT, NONCE = bytes(range(16)), bytes(range(100, 112))

# Written by the program before the format moved to ``formats`` (scrypt n = 2**10 to keep the
# test fast; the cost is read from the header), from pack(DATABASE, FILES) with SALT and NONCE.
OLD_COMPRESSED = bytes.fromhex("""
5241534144424b31000201010a0801000102030405060708090a0b0c0d0e0f6465666768696a6b6c6d6e6f72c8528c93
ee7ab7a6a375204318270a0000000068e7780000000000000000830000000000000086
320ad8fea1ca7537ab94f69ab6449c6b231a895b091ba5fd116abb276f58d5a821734a64b21ae13732de9cb236ba4c4c
7164459534e0b28104e154ee1acecf8b62cb741c1de89f9a77ebe7c9d0fdc50d0ccd43b2fd33eed42ce7b73e7db06bcd
99951c07cb305ee8983f72fb37c9487c3bad303c530f7829e37e763715de71983cfbe42d85af
""")
OLD_UNCOMPRESSED = bytes.fromhex("""
5241534144424b31000200010a0801000102030405060708090a0b0c0d0e0f6465666768696a6b6c6d6e6f72c8528c93
ee7ab7a6a375204318270a0000000068e7780000000000000000830000000000000093
4a96bb9ea1c9f297b85a766196a408f1eeb42028785890fb574ddf323d6ba5a167542e71e029913963eeefb0739e2b52
2054369771c4d59b61e513d86bde9ca107cf332a6cf8ccb362cc94db81dda20b49f1b04f38b519647df5395106c6563c
9da4faa5c765ab5391e485f13c378a91b6ada1db4e0dc168bdf41094c93118e2e91731936b0dd6902086db04e40a9509
1277e1
""")


@pytest.fixture
def cheap(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(container, "SCRYPT_LOG2_N", 10)


@pytest.fixture
def fixed_random(monkeypatch):  # type: ignore[no-untyped-def]
    values = iter([SALT, NONCE])
    monkeypatch.setattr(secrets, "token_bytes", lambda n: next(values))


def test_a_file_written_before_the_move_still_opens():
    header, plain = container.decrypt(OLD_COMPRESSED, PASS)
    assert header.version == 2 and header.flags == container.FLAG_ZLIB and header.created == CREATED
    assert (header.salt, header.nonce) == (SALT, NONCE)
    inside = backup_contents.unpack(plain, header.version)
    assert inside.database == DATABASE and inside.files == FILES


def test_format_2_is_written_byte_for_byte_as_before(cheap, fixed_random):
    # uncompressed: zlib builds may compress differently; the header, key and cipher may not
    plain = backup_contents.pack(DATABASE, FILES)
    assert container.encrypt(plain, PASS, created=CREATED, compress=False) == OLD_UNCOMPRESSED
    assert container.decrypt(OLD_UNCOMPRESSED, PASS)[1] == plain


def test_format_1_is_still_read():
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key, check = container.derive(PASS, SALT, 10, 8, 1)
    payload = zlib.compress(DATABASE)
    header = container.Header(container.FLAG_ZLIB, 10, 8, 1, SALT, NONCE, check, CREATED, len(DATABASE),
                              len(payload) + 16, version=1).pack()
    head, plain = container.decrypt(header + AESGCM(key).encrypt(NONCE, payload, header), PASS)
    assert head.version == 1
    inside = backup_contents.unpack(plain, head.version)
    assert inside.database == DATABASE and inside.files == {}


def test_the_layout_of_a_new_file(cheap):
    data = container.encrypt(b"x" * 1000, PASS)
    header = container.read_header(data)
    assert data[:8] == b"RASADBK1" and container.HEADER_SIZE == 83
    assert header.version == container.FORMAT_VERSION == 2 and header.log2_n == 10
    assert len(header.salt) == 16 and len(header.nonce) == 12 and header.plain_len == 1000
    assert len(data) == container.HEADER_SIZE + header.cipher_len and b"x" * 100 not in data
    other = container.encrypt(b"x" * 1000, PASS)  # never the same salt or nonce twice
    assert container.read_header(other).salt != header.salt and container.read_header(other).nonce != header.nonce


def test_the_scrypt_cost_stays_reasonable():
    seconds = container.kdf_seconds()
    assert seconds < 2.0  # ≈ 0.17 s on the development machine (n = 2**16); the aim is below 0.5 s


def test_the_key_parameters_come_from_the_file(monkeypatch):
    """A backup written with other scrypt costs (an older or later program) still opens."""
    monkeypatch.setattr(container, "SCRYPT_LOG2_N", 14)
    data = container.encrypt(b"x" * 1000, PASS)
    monkeypatch.undo()
    assert container.read_header(data).log2_n == 14 != container.SCRYPT_LOG2_N
    assert container.decrypt(data, PASS)[1] == b"x" * 1000
    greedy = data[:12] + bytes([30]) + data[13:]  # a header asking for 2**30 × 1 KiB of memory
    with pytest.raises(container.BackupError) as caught:
        container.decrypt(greedy, PASS)
    assert caught.value.code == "backup_damaged"


def test_the_passphrase_is_read_the_same_on_any_keyboard_layout():
    assert container.passphrase_bytes("كليد ويژه 1234") == container.passphrase_bytes("کلید ویژه ۱۲۳۴")
    assert container.passphrase_bytes("a b") != container.passphrase_bytes("ab")  # spaces count


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1:]


@pytest.mark.parametrize("damage, passphrase, code, words", [
    (lambda d: d, "not the passphrase", "backup_passphrase", "عبارت عبور نادرست است"),
    (lambda d: _flip(d, len(d) - 1), PASS, "backup_damaged", "برچسب اصالت"),
    (lambda d: _flip(d, 60), PASS, "backup_damaged", "برچسب اصالت"),  # the header is associated data
    (lambda d: d[:-1], PASS, "backup_damaged", "اندازهٔ فایل"),
    (lambda d: d[:40], PASS, "backup_damaged", "سرآیند فایل ناقص"),
    (lambda d: d[:11] + b"\x02" + d[12:], PASS, "backup_damaged", "سرآیند فایل نامعتبر"),  # unknown key derivation
    (lambda d: b"PK\x03\x04" + d[4:], PASS, "backup_not_a_backup", "رصد نیست"),
    (lambda d: b"", PASS, "backup_not_a_backup", "رصد نیست"),
    (lambda d: d[:8] + b"\0\x03" + d[10:], PASS, "backup_newer", "جدیدتر"),
])
def test_each_kind_of_bad_file_is_told_apart(damage, passphrase, code, words):
    with pytest.raises(container.BackupError) as caught:
        container.decrypt(damage(OLD_COMPRESSED), passphrase)
    assert caught.value.code == code and words in caught.value.message_fa
    assert "دست نخورد" in caught.value.message_fa and "not changed" in caught.value.message_en


def test_a_file_is_recognised_by_its_first_bytes(tmp_path):
    (tmp_path / "a.rbk").write_bytes(OLD_COMPRESSED)
    (tmp_path / "b.db").write_bytes(DATABASE)
    assert container.is_backup_file(tmp_path / "a.rbk")
    assert not container.is_backup_file(tmp_path / "b.db") and not container.is_backup_file(tmp_path / "none")


def test_the_key_derivation_is_rfc_7914_scrypt_and_lets_other_threads_run():
    import threading
    import time

    # RFC 7914 §12, the second test vector
    key, check = container.derive("password", b"NaCl", 10, 8, 16)
    assert (key + check).hex() == ("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                   "2eaf30d92e22a3886ff109279d9830da")
    # a report renders while its key is opened: the derivation must not hold the GIL
    ticks = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    before = ticks
    container.derive("a passphrase", b"0123456789abcdef", 16, 8, 1)
    during = ticks - before
    stop.set()
    counter.join()
    assert during > 100, during  # a GIL-holding derivation lets the counter run a handful of times at most
